"""Development: debug on, a throwaway key, email printed to the console."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

# Editors trying things out want to see every change at once.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
# Nor should their browser keep a page it showed them.
PUBLIC_CACHE_MAX_AGE = int(env("PUBLIC_CACHE_MAX_AGE", "0"))
PUBLIC_CACHE_S_MAXAGE = int(env("PUBLIC_CACHE_S_MAXAGE", "0"))
