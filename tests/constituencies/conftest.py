"""Fixtures the constituency pages' tests share: the page under the home page, and a few constituencies."""

import pytest

from tests.constituencies.factories import ConstituencyFactory, WhereSignedPageFactory


@pytest.fixture
def where_page(home_page, statement_page, site_settings):
    return WhereSignedPageFactory(parent=home_page)


@pytest.fixture
def leeds(db):
    return ConstituencyFactory(code="E14001316", name="Leeds Central and Headingley", region="yorkshire")


@pytest.fixture
def cardiff(db):
    return ConstituencyFactory(code="W07000090", name="Cardiff East", region="wales")


@pytest.fixture
def islington(db):
    return ConstituencyFactory(code="E14001290", name="Islington North", region="london")
