"""Introducing signers by place: once three who asked are in one constituency or branch, each is emailed once
with the others' first names; nobody who unticked, withdrew, never confirmed or was anonymised is included."""

import pytest
from django.core import mail
from django.utils import timezone

from campaign.introductions import introducing
from campaign.introductions.models import IntroductionGroup, Membership
from core.schedule import scheduled_jobs
from statements import signing
from statements.models import Signature, Union
from tests.introductions.factories import AskingFactory
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db


def three(statement_page, **changes):
    names = ["Ada Lovelace", "Bob Crow", "Cath Kidston"]
    emails = ["ada@example.org", "bob@example.org", "cath@example.org"]
    return [
        AskingFactory(page=statement_page, name=name, email=email, **changes)
        for name, email in zip(names, emails, strict=True)
    ]


def test_the_job_runs_every_hour():
    (crontab,) = [crontab for path, (task, crontab) in scheduled_jobs().items() if path.endswith("introduce_signers")]
    assert crontab == "20 * * * *"


def test_three_in_one_constituency_are_each_introduced_once(statement_page, leeds, motion_page, introduce):
    three(statement_page)

    assert introduce() == 3
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ada@example.org", "bob@example.org", "cath@example.org"}
    ada = by_address["ada@example.org"]
    assert ada.subject == "Meet other supporters in Leeds Central and Headingley"
    assert "There are now 3 of you: Bob, Cath and you." in ada.body
    # First names only: no surname, no address of anyone else, in the text or the HTML.
    html = ada.alternatives[0][0]
    for private in ("Crow", "Kidston", "bob@example.org", "cath@example.org"):
        assert private not in ada.body and private not in html
    assert "/introductions/group/" in ada.body
    # The kit: the motion with the CLP filled in, and where to report it tabled.
    assert "/motion/download/?name=Leeds+Central+and+Headingley+CLP&format=docx" in ada.body
    assert "/motion/report/" in ada.body
    assert ada.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert introduce() == 0  # once
    assert mail.outbox == []
    assert IntroductionGroup.objects.get().sent_at is not None


def test_two_are_not_enough(statement_page, leeds, introduce):
    three(statement_page)[0].delete()
    assert introduce() == 0
    assert mail.outbox == []
    assert Membership.objects.count() == 2  # waiting for a third


def test_the_same_person_ticking_on_two_statements_counts_once(statement_page, leeds, introduce):
    other_statement = StatementPageFactory(parent=statement_page.get_parent(), slug="second", title="Second")
    ada, bob, _ = three(statement_page)
    Signature.objects.filter(email="cath@example.org").delete()
    AskingFactory(page=other_statement, name=ada.name, email=ada.email)  # Ada again, on another statement
    assert introduce() == 0
    assert mail.outbox == []
    assert Membership.objects.filter(signature__email_normalised="ada@example.org").count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"introduce_me": False},  # did not tick
        {"confirmed_at": None},  # never confirmed
        {"email": "", "email_normalised": "", "name": ""},  # anonymised after the statement closed
        {"held_because": "network"},  # held for an organiser's review
    ],
)
def test_only_confirmed_signers_who_ticked_are_counted(statement_page, leeds, introduce, change):
    ada, _, _ = three(statement_page)
    Signature.objects.filter(pk=ada.pk).update(**change)
    assert introduce() == 0
    assert mail.outbox == []


def test_an_introduction_withdrawn_before_it_is_sent(statement_page, leeds, introduce):
    """Ada unticks on her own page, Bob withdraws his signature: two of three gone before the job runs."""
    ada, bob, cath = three(statement_page)
    introducing.withdraw("ada@example.org")
    assert introduce() == 0
    AskingFactory(page=statement_page, name="Dan Smith", email="dan@example.org")
    signing.withdraw(bob)
    assert introduce() == 0
    assert mail.outbox == []
    AskingFactory(page=statement_page, name="Eve Jones", email="eve@example.org")
    assert introduce() == 3
    assert sorted(message.to[0] for message in mail.outbox) == [
        "cath@example.org",
        "dan@example.org",
        "eve@example.org",
    ]
    assert all("Ada" not in message.body and "Bob" not in message.body for message in mail.outbox)


def test_withdrawn_between_the_job_and_the_email_gets_nothing(
    statement_page, leeds, django_capture_on_commit_callbacks
):
    """The email is built when its task runs: whoever left by then gets none, and is named in none."""
    ada, _, _ = three(statement_page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        introducing.run()
    Signature.objects.filter(pk=ada.pk).update(introduce_me=False)
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == ["bob@example.org", "cath@example.org"]
    assert all("Ada" not in message.body for message in mail.outbox)


def test_a_fourth_is_introduced_and_the_others_told_once(statement_page, leeds, introduce):
    three(statement_page)
    introduce()
    AskingFactory(page=statement_page, name="Dan Smith", email="dan@example.org")

    assert introduce() == 1
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "There are now 4 of you: Ada, Bob, Cath and you." in by_address["dan@example.org"].body
    told = by_address["ada@example.org"]
    assert told.subject == "Someone new in your group in Leeds Central and Headingley"
    assert "Dan joined your group" in told.body
    assert len(mail.outbox) == 4
    assert introduce() == 0


def test_a_branch_needs_the_same_name_once_normalised(statement_page, introduce):
    """No constituency here: the people give their branch, in different case, spacing and punctuation."""
    for name, branch in [
        ("Ada A", "Leeds Central UNISON"),
        ("Bob B", "leeds  central unison."),
        ("Cath C", "Leeds Central Unison"),
        ("Dan D", "Leeds Central Unison Branch"),  # another name: never guessed to be the same branch
    ]:
        AskingFactory(page=statement_page, name=name, organisation=branch, constituency="")
    assert introduce() == 3
    assert "Dan" not in " ".join(message.body for message in mail.outbox)
    group = IntroductionGroup.objects.get(sent_at__isnull=False, kind="branch")
    assert group.key == "leeds central unison"
    assert mail.outbox[0].subject == "Meet other supporters in Leeds Central UNISON"


def test_an_organisation_branch_meets_its_members(statement_page, introduce):
    unison = Union.objects.create(name="UNISON")
    AskingFactory(
        page=statement_page,
        kind="organisation",
        name="Jo Secretary",
        organisation="Leeds Central",
        organisation_type="union",
        union=unison,
        constituency="",
    )
    for name in ("Ada A", "Bob B"):
        AskingFactory(page=statement_page, name=name, organisation="Leeds Central Unison", constituency="")
    assert introduce() == 3


def test_leaving_stops_every_later_email(statement_page, leeds, introduce, client):
    ada, _, _ = three(statement_page)
    introduce()
    member = Membership.objects.get(signature=ada)
    introducing.leave(member)
    AskingFactory(page=statement_page, name="Dan Smith", email="dan@example.org")
    introduce()
    assert "ada@example.org" not in [message.to[0] for message in mail.outbox]
    dan = next(message for message in mail.outbox if message.to[0] == "dan@example.org")
    assert "Bob, Cath and you" in dan.body
    assert Membership.objects.get(signature=ada).withdrawn_at <= timezone.now()
