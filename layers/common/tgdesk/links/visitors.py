"""What a click records of its visitor: the user agent's class, and the address per the
project's privacy mode.

User agents are classified by substrings, first match wins, in the order below: preview
fetchers and crawlers first (they often also claim to be a browser), then the device
class, then the browser family (Edge and Opera before Chrome, Chrome before Safari: each
one's user agent names the ones after it). A request without a user agent is counted as a
bot: every browser sends one.

Addresses (docs/privacy.md, "Tracked links"):
- `hashed` (the default): an HMAC of the address with the project's salt for the day
  (derived from the project's `visitor_salt` and the UTC day), so the same visitor counts
  once a day and no address is stored; the next day's hash of the same address differs.
- `truncated`: the IPv4 /24 or IPv6 /48 network.
- `full`: the address as is.
The visitor key, in every mode, is the day's hashed address with the user agent, hashed
again: unique visitors per day without storing who they are.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from dataclasses import dataclass

DAY_MS = 86_400_000

# (substring of the lower-cased user agent, the name recorded as its browser family)
BOTS: tuple[tuple[str, str], ...] = (
    ("telegrambot", "telegram"),
    ("slackbot", "slack"),
    ("slack-imgproxy", "slack"),
    ("facebookexternalhit", "facebook"),
    ("facebookcatalog", "facebook"),
    ("meta-externalagent", "facebook"),
    ("twitterbot", "x"),
    ("discordbot", "discord"),
    ("whatsapp", "whatsapp"),
    ("linkedinbot", "linkedin"),
    ("skypeuripreview", "skype"),
    ("vkshare", "vk"),
    ("pinterest", "pinterest"),
    ("redditbot", "reddit"),
    ("googlebot", "google"),
    ("google-inspectiontool", "google"),
    ("adsbot-google", "google"),
    ("bingbot", "bing"),
    ("bingpreview", "bing"),
    ("applebot", "apple"),
    ("yandex", "yandex"),
    ("baiduspider", "baidu"),
    ("duckduckbot", "duckduckgo"),
    ("embedly", "embedly"),
    ("iframely", "iframely"),
    ("headlesschrome", "headless"),
    ("curl/", "curl"),
    ("wget/", "wget"),
    ("python-requests", "script"),
    ("python-urllib", "script"),
    ("go-http-client", "script"),
    ("okhttp", "script"),
    ("bot", "bot"),
    ("crawler", "bot"),
    ("spider", "bot"),
    ("preview", "bot"),
)
BROWSERS: tuple[tuple[str, str], ...] = (
    ("edg/", "edge"),
    ("edga/", "edge"),
    ("edgios/", "edge"),
    ("opr/", "opera"),
    ("opera", "opera"),
    ("samsungbrowser", "samsung"),
    ("yabrowser", "yandex"),
    ("ucbrowser", "uc"),
    ("firefox", "firefox"),
    ("fxios", "firefox"),
    ("crios", "chrome"),
    ("chrome", "chrome"),
    ("chromium", "chrome"),
    ("safari", "safari"),
)


@dataclass(frozen=True)
class Agent:
    is_bot: bool
    device: str  # mobile, tablet, desktop, bot, other
    browser: str  # a family of BROWSERS, a bot's name of BOTS, or "other"


def classify(user_agent: str) -> Agent:
    ua = user_agent.lower()
    if not ua.strip():
        return Agent(True, "bot", "unknown")
    for needle, name in BOTS:
        if needle in ua:
            return Agent(True, "bot", name)
    return Agent(False, _device(ua), _browser(ua))


def _device(ua: str) -> str:
    if "ipad" in ua or "tablet" in ua or ("android" in ua and "mobile" not in ua):
        return "tablet"
    if "mobi" in ua or "iphone" in ua or "ipod" in ua or "android" in ua:
        return "mobile"
    if any(os_ in ua for os_ in ("windows", "macintosh", "mac os x", "x11", "linux", "cros")):
        return "desktop"
    return "other"


def _browser(ua: str) -> str:
    for needle, name in BROWSERS:
        if needle in ua:
            return name
    return "other"


# -- addresses ------------------------------------------------------------------------------
def day_salt(visitor_salt: str, project_id: str, at_ms: int) -> bytes:
    """The project's salt for the UTC day of `at_ms`."""
    day = at_ms // DAY_MS
    return hmac.new(visitor_salt.encode(), f"{project_id}:{day}".encode(), hashlib.sha256).digest()


def hashed_address(address: str, salt: bytes) -> str:
    return hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()[:32]


def truncated_address(address: str) -> str:
    """The /24 network of an IPv4 address, the /48 of an IPv6 one; "" when not an address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return ipaddress.ip_network(f"{ip}/{prefix}", strict=False).with_prefixlen


def canonical_address(value: str) -> str:
    """The address in its canonical form; "" for anything that is not an IP address."""
    try:
        return ipaddress.ip_address(value.strip()).compressed
    except ValueError:
        return ""


def recorded_address(mode: str, address: str, salt: bytes) -> str:
    """The address as the project's mode records it (an unknown mode hashes)."""
    if not address:
        return ""
    if mode == "full":
        return address
    if mode == "truncated":
        return truncated_address(address)
    return hashed_address(address, salt)


def visitor_key(address: str, user_agent: str, salt: bytes) -> str:
    """The coarse visitor key: the day's hashed address with the user agent, hashed."""
    material = f"{hashed_address(address, salt)}\n{user_agent}".encode()
    return hmac.new(salt, material, hashlib.sha256).hexdigest()[:24]
