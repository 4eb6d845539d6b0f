from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: no models; connects the rules every model passes through."""

    name = "core"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

        from core.collation import install_country_sorting
        from core.kinds import project_app_labels
        from core.page_cache import bump_content_version
        from core.text import clean_text_fields

        # Country choices in the language's alphabetical order (see core.collation).
        install_country_sorting()

        # One rule for stored text: no control characters in any text column of
        # the project's models, historical tables included (see core.text).
        pre_save.connect(clean_text_fields, dispatch_uid="commission.clean_text_fields")

        # One concern, one receiver: any change to content invalidates the
        # cached public pages (see core.page_cache).
        def content_changed(sender, **kwargs) -> None:
            bump_content_version()

        for label in project_app_labels():
            for model in apps.get_app_config(label).get_models():
                if model.__name__.startswith("Historical"):
                    continue
                uid = f"page-cache:{model._meta.label}"
                post_save.connect(content_changed, sender=model, weak=False, dispatch_uid=uid)
                post_delete.connect(content_changed, sender=model, weak=False, dispatch_uid=uid)
                for field in model._meta.many_to_many:
                    m2m_changed.connect(
                        content_changed,
                        sender=field.remote_field.through,
                        weak=False,
                        dispatch_uid=f"{uid}.{field.name}",
                    )
