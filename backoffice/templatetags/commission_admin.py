from django import template

from backoffice.dashboard import attention_items, shortcuts

register = template.Library()


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
