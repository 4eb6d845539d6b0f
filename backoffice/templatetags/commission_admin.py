from django import template
from django.template.defaultfilters import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from backoffice.dashboard import attention_items, shortcuts
from core.kept import Kept

register = template.Library()

#: The sidebars rendered, by everything they are rendered from (a few per user and language).
_SIDEBARS = Kept(limit=512)


@register.simple_tag(takes_context=True)
def attention_dashboard(context):
    return attention_items(context["request"].user)


@register.simple_tag(takes_context=True)
def desk_shortcuts(context):
    return shortcuts(context["request"].user)


@register.inclusion_tag("admin/language_form.html", takes_context=True)
def admin_language_form(context):
    """The language choice in the admin's header: the user's own, else the browser's."""
    from backoffice.admin_language import CHOICE_ATTRIBUTE, language_choices

    request = context["request"]
    return {
        "choices": language_choices(),
        "current": getattr(request, CHOICE_ATTRIBUTE, ""),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def nav_sidebar(context, apps):
    """Django's ``admin/nav_sidebar.html``, rendered once for each list of apps,
    language and current page's app and model (every admin page but the index
    shows it; rendering it was a tenth of a list page)."""
    path = urlencode(context["request"].path)
    key = (
        get_language(),
        tuple(
            (
                app["app_label"],
                app["app_url"],
                str(app["name"]),
                app["app_url"] in path,
                tuple(
                    (
                        model["object_name"],
                        str(model["name"]),
                        model.get("admin_url"),
                        model.get("add_url"),
                        model.get("view_only"),
                        bool(model.get("admin_url")) and model["admin_url"] in path,
                    )
                    for model in app["models"]
                ),
            )
            for app in apps
        ),
    )

    def render() -> str:
        template_ = context.template.engine.get_template("admin/nav_sidebar.html")
        with context.push(available_apps=apps):
            return template_.render(context)

    return mark_safe(_SIDEBARS.get(key, render))  # noqa: S308 (rendered by Django's template)
