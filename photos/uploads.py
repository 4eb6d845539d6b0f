"""An upload handler that enforces the size limit while the upload streams."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


def max_upload_bytes() -> int:
    """The largest file any form takes: each kind's validator then checks its own limit."""
    return max(settings.PHOTO_MAX_UPLOAD_BYTES, settings.DOCUMENT_MAX_UPLOAD_BYTES)


class OversizedUpload(SimpleUploadedFile):
    """Stands in for a file that went over the limit; photo and document validation refuse it."""

    exceeded_size_limit = True


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts each file's bytes as they arrive and stops keeping them past the limit.

    It must come first in FILE_UPLOAD_HANDLERS: once a file is over the limit,
    later handlers stop receiving its data, so it is never written out whole.
    """

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            self.exceeded = True
            return None
        return raw_data

    def file_complete(self, file_size: int) -> OversizedUpload | None:
        if not self.exceeded:
            return None  # The next handler has the whole file.
        upload = OversizedUpload(self.file_name, b"", self.content_type)
        upload.size = self.received
        return upload
