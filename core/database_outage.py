"""When the database refuses connections, a form's POST answers 503 and shows back what was typed.

Pages already rendered go on being served from the page cache; a POST
cannot be. Rather than a bare 500 that loses what someone wrote, the view's
`unavailable` page (which must need no database) shows the form filled in
again and says to try in a minute; with JavaScript it sends it by itself
once the site answers (static/js/statement.js).
"""

import logging
from functools import wraps

from django.db import InterfaceError, OperationalError
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
DATABASE_DOWN = (OperationalError, InterfaceError)


def shows_the_form_back_when_the_database_is_down(unavailable):
    """Decorate a view taking a form's POST: on a database outage answer `unavailable(request)` with 503.

    The view's response is rendered inside the guard, so a template that
    reads the database fails here too, not after the view has returned.
    """

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            try:
                response = view(request, *args, **kwargs)
                if request.method == "POST" and not getattr(response, "is_rendered", True):
                    response.render()
                return response
            except DATABASE_DOWN:
                if request.method != "POST":
                    raise
                logger.warning("database unavailable: a form was shown back", extra={"view": view.__name__})
            response = unavailable(request)
            response.status_code = 503
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            add_never_cache_headers(response)
            return response

        return guarded

    return decorator
