"""The review screen's grouping of signatures taken at stalls: by stall and device (statements.review.add_grouping).

Entries held past a stall's ceiling (campaign.stalls.ceiling) are found
here, judged by stall and device, and released (they count, and each signer
gets the thank-you) or invalidated with the same dry run and recount as a
burst on the website.
"""

import re

from django.db.models import F
from django.utils import timezone

from statements.models import Signature
from statements.review import MAX_GROUPS, Group, since, tallies

from .models import StallDevice
from .recording import welcome

KEY = re.compile(r"(\d{1,18})-(\d{1,18}|none)")  # "<stall id>-<device id>", "none" for entries before devices


def describe(event_title, device):
    return f"Stall at {event_title}, {device if device else 'no device recorded'}"


class ByStallAndDevice:
    label = "Stall and device"
    on_release = "counts now, and its signer (if they gave an address) gets the thank-you with the link to withdraw."

    def is_key(self, key):
        return KEY.fullmatch(key) is not None

    def rows(self, key):
        stall, device = KEY.fullmatch(key).groups()
        rows = Signature.objects.filter(source=Signature.Source.IN_PERSON, in_person__stall_id=int(stall))
        if device == "none":
            return rows.filter(in_person__device__isnull=True)
        return rows.filter(in_person__device_id=int(device))

    def name(self, key):
        stall, device = KEY.fullmatch(key).groups()
        entry = self.rows(key).select_related("in_person__event", "in_person__device").first()
        if entry is None:
            return f"Stall {stall}, no entries left"
        return describe(entry.in_person.event.title, entry.in_person.device)

    def groups(self, days):
        """The stalls and devices of the period with the most entries first, named in the same query."""
        rows = (
            Signature.objects.filter(
                source=Signature.Source.IN_PERSON, created_at__gte=since(days), in_person__stall__isnull=False
            )
            .values(
                stall=F("in_person__stall_id"),
                device=F("in_person__device_id"),
                event=F("in_person__event__title"),
                browser=F("in_person__device__browser"),
                opened=F("in_person__device__opened_at"),
            )
            .annotate(**tallies())
            .order_by("-total", "stall")
        )
        found = []
        for row in rows[:MAX_GROUPS]:
            device = StallDevice(browser=row["browser"], opened_at=row["opened"]) if row["device"] else None
            key = f"{row['stall']}-{row['device'] or 'none'}"
            group = Group(by="stall", key=key, days=days, name=describe(row["event"], device))
            found.append({**row, "group": group})
        return found

    def release(self, signatures):
        """Each held entry counts now (the save hook adds it to the counts) and its signer is thanked."""
        rows = signatures.select_related("in_person__stall__event", "in_person__stall__statement")
        now = timezone.now()
        for signature in rows:
            signature.held_because, signature.confirmed_at = "", now
            signature.save(update_fields=["held_because", "confirmed_at"])
            welcome(signature, signature.in_person.stall)
