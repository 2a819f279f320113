"""Where a signer lives and works, as the places introductions group them by.

- A constituency: the signature's ONS code (found from the postcode at signing), named from core.places.
- A union branch, only where the signer gave one. A person gives it as the sign form's optional "union,
  branch or group" text (the form keeps no union for a person); an organisation of the type "union branch"
  as its name, with its union's name added when the name does not hold it already ("Leeds Central" of
  UNISON is "Leeds Central UNISON"). The text is normalised (case, accents, punctuation and spacing set
  aside: "Leeds  Central UNISON." is "leeds central unison"), and two signers are in one branch only when
  the normalised texts are exactly equal: we never guess that "Leeds Central" and "Leeds Central Branch" are
  one branch, since a wrong guess would introduce strangers. Other organisations (a CLP, a campaign) have
  no branch: their constituency brings them together.
"""

import re
import unicodedata

from core.places.lookup import constituency_names
from statements.models import OrganisationType, Signature

from .models import IntroductionGroup

Kind = IntroductionGroup.Kind


def normalise(text):
    """Case, accents, punctuation and spacing set aside."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in plain if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def branch_text(signature):
    """The branch as the signer gave it (an organisation's name with its union's), or ""."""
    organisation = " ".join((signature.organisation or "").split())
    if signature.kind == Signature.Kind.PERSON:
        return organisation
    if signature.organisation_type != OrganisationType.UNION_BRANCH or not organisation:
        return ""
    union = str(signature.union) if signature.union_id else " ".join(signature.union_other.split())
    if union and normalise(union) not in normalise(organisation):
        return f"{organisation} {union}"
    return organisation


def branch_key(signature):
    """The branch's key ("leeds central unison"), or "" when the signer gave no branch."""
    return normalise(branch_text(signature))[:255]


def branch_name(signature):
    """How the group is named to its members: the branch as the first of them gave it."""
    return branch_text(signature)[:255]


def places_of(signature):
    """[(kind, key)] of the places this signature belongs to."""
    places = []
    if signature.constituency:
        places.append((Kind.CONSTITUENCY, signature.constituency))
    if key := branch_key(signature):
        places.append((Kind.BRANCH, key))
    return places


def names_for(kind, keyed_signatures):
    """{key: display name} for new groups of one kind, from {key: a signature there}; one query for constituencies."""
    if kind == Kind.CONSTITUENCY:
        names = constituency_names(keyed_signatures)
        return {key: names.get(key, key) for key in keyed_signatures}
    return {key: branch_name(signature) for key, signature in keyed_signatures.items()}
