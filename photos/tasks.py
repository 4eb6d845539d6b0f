"""Background work for photos, through Django's Tasks API (django-tasks)."""

from django_tasks import task

from photos.variants import process_photo


@task()
def generate_photo_variants(photo_id: int, force: bool = False) -> str:
    """Make a photo's variants; returns the photo's state afterwards."""
    photo = process_photo(photo_id, force=force)
    return photo.status if photo else "deleted"
