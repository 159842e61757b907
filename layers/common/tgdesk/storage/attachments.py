"""Files agents send, in the table (docs/data-model.md: attachment upload, attachment settings).

An upload is written once, when its presigned form is handed out; Telegram's `file_id` is
added once the file was sent. A project's settings are saved with their audit entry,
conditioned on the `updated_at` read (tgdesk.team.feature_settings).
"""

from __future__ import annotations

from collections.abc import Sequence

from botocore.exceptions import ClientError

from tgdesk.storage import batch, table
from tgdesk.storage.expressions import Changes, put_new
from tgdesk.storage.feature_settings import SettingsItem
from tgdesk.storage.records import attachment as record
from tgdesk.storage.records.attachment import AttachmentSettings, Upload


def put_upload(upload: Upload) -> None:
    table.client().put_item(**put_new(record.upload_to_item(upload))["Put"])


def get_uploads(upload_ids: Sequence[str]) -> dict[str, Upload]:
    """The uploads found among `upload_ids` (one BatchGetItem), by id."""
    found = batch.get_items([record.upload_key(upload_id) for upload_id in upload_ids])
    uploads = (record.upload_from_item(item) for item in found.values())
    return {upload["upload_id"]: upload for upload in uploads}


def keep_file_id(upload_id: str, file_id: str) -> None:
    """Remember Telegram's id of an upload's file (while the upload still exists)."""
    update = Changes().require_item().set("file_id", file_id)
    try:
        table.client().update_item(**update.request(*record.upload_key(upload_id)))
    except ClientError as err:
        if not table.is_conditional_failure(err):
            raise


_SETTINGS = SettingsItem[AttachmentSettings](
    record.settings_key, record.settings_to_item, record.settings_from_item
)
get_settings = _SETTINGS.get
save_settings = _SETTINGS.save
