"""Django's XML serialisation, with text cleaned so that XML 1.0 can carry it.

Django's XML serialiser refuses a value with a control character, so a single
vertical tab pasted into a title (or kept in a history row written before
``core.text`` cleaned text on save) would make every backup fail. This
serialiser writes such values cleaned by the same rule as saving
(:func:`core.text.clean_text`); the output is ordinary Django XML, read
back by Django's own deserialiser.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers import xml_serializer
from django.db import models
from django.utils.xmlutils import SimplerXMLGenerator

from core.text import clean_text

#: The name the backup registers this serialiser under (see backoffice.backup).
FORMAT = "backup-xml"


class _CleaningXMLGenerator(SimplerXMLGenerator):
    """Writes character data cleaned; ``multiline`` is set for each field by the serialiser."""

    multiline = True

    def characters(self, content):
        super().characters(clean_text(content, multiline=self.multiline))


class Serializer(xml_serializer.Serializer):
    def start_serialization(self):
        self.xml = _CleaningXMLGenerator(
            self.stream, self.options.get("encoding", settings.DEFAULT_CHARSET)
        )
        self.xml.startDocument()
        self.xml.startElement("django-objects", {"version": "1.0"})

    def handle_field(self, obj, field):
        # Single-line text stays on one line; everything else is cleaned as multi-line
        # text (numbers, dates and JSON hold no control characters to remove).
        self.xml.multiline = not isinstance(field, models.CharField)
        try:
            super().handle_field(obj, field)
        finally:
            self.xml.multiline = True


Deserializer = xml_serializer.Deserializer
