"""The one signal the photos app listens to.

Deletions in the admin go through ``QuerySet.delete()``, which never calls
``Photo.delete()``; ``post_delete`` is the only hook that sees every one.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from photos.models import Photo
from photos.variants import delete_photo_files


@receiver(post_delete, sender=Photo, dispatch_uid="photos.delete_files")
def remove_files_of_deleted_photo(sender, instance: Photo, **kwargs) -> None:
    # Only once the deletion is committed: a rolled-back delete keeps its files.
    transaction.on_commit(partial(delete_photo_files, instance))
