"""Facts about social-media posts that every floor needs: status URLs and the time a status id
encodes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

# twitter.com / x.com / mobile. variants; ``i/web/status`` has no handle.
STATUS_URL = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:(?P<handle>\w{1,30})|i/web)/status(?:es)?/(?P<id>\d{6,20})",
    re.IGNORECASE,
)

# Twitter's snowflake epoch (2010-11-04T01:42:54.657Z) in milliseconds; ids minted before
# snowflakes (late 2010) do not encode a time.
TWITTER_EPOCH_MS = 1288834974657
FIRST_SNOWFLAKE_ID = 29700859247


def snowflake_time(status_id: int | str) -> datetime | None:
    """The UTC time a Twitter/X status id was minted, or None for pre-snowflake ids."""
    value = int(status_id)
    if value < FIRST_SNOWFLAKE_ID:
        return None
    return datetime.fromtimestamp(((value >> 22) + TWITTER_EPOCH_MS) / 1000, tz=UTC)


def iso_utc(moment: datetime) -> str:
    """``2018-04-25T16:30:06Z``: an aware datetime in UTC to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
