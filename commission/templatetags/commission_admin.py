from django import template

from commission.dashboard import attention_items

register = template.Library()


@register.simple_tag(takes_context=True)
def attention_dashboard(context):
    return attention_items(context["request"].user)
