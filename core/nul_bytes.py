"""Refuse, with a 400, a request whose address, form data or cookies carry a NUL character.

PostgreSQL cannot store or compare text holding NUL (SQLite can, so only
production showed it): a search for "%00" was a 500. Django's form fields
refuse NUL; this refuses it once for every value read straight from
request.GET, request.POST or a cookie, in our views and the libraries' alike.
Multipart bodies (file uploads, staff only) are left to their forms: reading
them here would spend the upload before its view sets it up. JSON bodies are
their views' to check.
"""

from django.shortcuts import render

FORM_ENCODED = "application/x-www-form-urlencoded"
# In a query string or a form's body a NUL arrives escaped ("%00") or, from a careless client, raw.
ESCAPED = ("%00", "\x00")
ESCAPED_BYTES = (b"%00", b"\x00")


def carries_nul(request):
    if "\x00" in request.path or any(nul in request.META.get("QUERY_STRING", "") for nul in ESCAPED):
        return True
    if any("\x00" in value for value in request.COOKIES.values()):
        return True  # a quoted cookie may spell it "\000"; the session's lookup would send it to the database
    if request.method == "POST" and request.content_type == FORM_ENCODED:
        return any(nul in request.body for nul in ESCAPED_BYTES)
    return False


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)
