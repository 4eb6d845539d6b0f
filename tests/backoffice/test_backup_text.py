"""A backup is written, and restored, even when stored text holds control characters."""

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from tests.backoffice.test_backup import empty_everything
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_round_trip_a_history_row_with_a_vertical_tab(
    tmp_path, settings, capsys
):
    meeting = make_meeting(title_en="Talks with Japan", summary_en="Summary")
    meeting.title_en = "Talks with Japan, second version"
    meeting.save()
    # Written as rows stored before text was cleaned on save: update() bypasses it.
    meeting.history.filter(history_type="+").update(
        title_en="Talks\x0bwith Japan", summary_en="One\x0btwo\x01"
    )
    Meeting.objects.filter(pk=meeting.pk).update(place_en="Minsk\x0ccentre")
    history_rows = meeting.history.count()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    assert "Backup written" in capsys.readouterr().out
    empty_everything(settings)
    assert not Meeting.objects.exists()

    call_command("restore", str(archive), "--skip-variants")
    restored = Meeting.objects.get(slug=meeting.slug)
    assert restored.title_en == "Talks with Japan, second version"
    assert restored.place_en == "Minsk centre"
    assert restored.history.count() == history_rows
    first = restored.history.get(history_type="+")
    assert (first.title_en, first.summary_en) == ("Talks with Japan", "One\ntwo")
