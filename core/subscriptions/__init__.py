"""Who asked for campaign updates by email, on which form, with which words, and who stopped.

Generic machinery: the statement's signing form, the form builder's pages
and (later) event RSVPs all ask the same question, so the consent record,
the list of subscribers, the signed "your data" link and the one-click
unsubscribe live here, below every feature app. A feature app decides when
a consent is proven (a signature is confirmed, an emailed link is followed)
and calls `consent.record_confirmed`; core never names the apps.
"""
