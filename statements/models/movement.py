"""Who a signature speaks for in the labour movement: the kind of body, its union, its region.

Editors keep the list of unions (a snippet), so the chart by union does not split one union over its
spellings; a union not on the list counts as "Other unions". `count_keys` names the counters a confirmed
signature adds to, and every path that counts uses it, so union and region counts move with the total.
"""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.publish_clock import KeptUntilNextPublish, content_changed, current_generation
from core.regions import Region

UNION_KEY = "u:"
REGION_KEY = "r:"
CONSTITUENCY_KEY = "c:"
OTHER_UNION = "other"


class OrganisationType(models.TextChoices):
    UNION_BRANCH = "union", _("Union branch or union body")
    TRADES_COUNCIL = "trades-council", _("Trades union council")
    LABOUR = "labour", _("Constituency Labour Party or Labour branch")
    CAMPAIGN = "campaign", _("Campaign group")
    OTHER = "other", _("Other organisation")


class Union(index.Indexed, models.Model):
    """A trade union, as editors name it once for the sign form's list and the charts."""

    name = models.CharField(max_length=100, unique=True, help_text="As people know it, for example Unite or UNISON.")
    listed = models.BooleanField(
        default=True, help_text="Offered on the sign form. Untick to stop offering a union without losing its count."
    )

    panels = [FieldPanel("name"), FieldPanel("listed")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


register_snippet(Union)

UNIONS_CACHE_KEY = "statements:listed-unions"
_kept_unions = KeptUntilNextPublish()


def listed_unions():
    """[(id, name)] of the unions the forms offer, kept per process until the publish clock moves on.

    The shared copy is keyed by generation, so no process can put back a list read before a change.
    """
    kept = _kept_unions.current()
    if "unions" not in kept:
        key = f"{UNIONS_CACHE_KEY}:{current_generation()}"
        unions = cache.get(key)
        if unions is None:
            unions = list(Union.objects.filter(listed=True).values_list("pk", "name"))
            cache.set(key, unions, 60 * 60)
        kept["unions"] = unions
    return kept["unions"]


@receiver([post_save, post_delete], sender=Union)
def forget_listed_unions(sender, **kwargs):
    """An editor's change to the list shows on the next form on every server, and on the cached pages that hold it."""
    content_changed.send(sender=Union)


def count_keys(confirmed, kind, region="", union_id=None, union_other="", constituency=""):
    """The counters a signature in this state adds 1 to: none until confirmed."""
    if not confirmed:
        return []
    keys = [kind]
    if region:
        keys.append(REGION_KEY + region)
    if constituency:
        keys.append(CONSTITUENCY_KEY + constituency)
    if union_id:
        keys.append(f"{UNION_KEY}{union_id}")
    elif union_other:
        keys.append(UNION_KEY + OTHER_UNION)
    return keys


def spread(totals):
    """Counts by union and by region from a statement's kept totals ({key: n}), largest first.

    {"unions": [(name, n)], "regions": [(label, n)], "largest": n}, with one query for the unions' names.
    """
    regions = {value: str(label) for value, label in Region.choices}  # in the active language
    by_region = [
        (regions[key.removeprefix(REGION_KEY)], count)
        for key, count in totals.items()
        if key.startswith(REGION_KEY) and count > 0 and key.removeprefix(REGION_KEY) in regions
    ]
    union_counts = {key.removeprefix(UNION_KEY): count for key, count in totals.items() if key.startswith(UNION_KEY)}
    other = union_counts.pop(OTHER_UNION, 0)
    ids = [int(key) for key, count in union_counts.items() if key.isdigit() and count > 0]
    names = dict(Union.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    by_union = [
        (names[int(key)], count)
        for key, count in union_counts.items()
        if count > 0 and key.isdigit() and int(key) in names
    ]
    if other > 0:
        by_union.append((gettext("Other unions"), other))

    def order(rows):
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    counts = [count for _, count in by_union + by_region]
    return {"unions": order(by_union), "regions": order(by_region), "largest": max(counts, default=0)}
