import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Support the campaign"
    slug = "campaign-home"
    intro = "<p>We are calling on all socialists to support the campaign.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    body = "<p>Some text.</p>"

    class Meta:
        model = ContentPage
