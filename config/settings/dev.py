"""Development: debug on, a throwaway key, email printed to the console."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

# Editors trying things out want to see every change at once.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
# Nor should a caching proxy in front of a development server keep any page.
PUBLIC_CACHE_S_MAXAGE = int(env("PUBLIC_CACHE_S_MAXAGE", "0"))
