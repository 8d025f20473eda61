"""Who is on the other end of a request: the socket peer, or — only when that peer is a trusted
reverse proxy (``api.trusted_proxies``) — the client named in ``X-Forwarded-For`` (ADR 0017).

The login throttle, the session record and the audit trail all use this one answer, so a caller
counted against one address is also the caller the trail shows. The header is written by whoever
sends the request: believed from anyone, it would let an attacker pick a fresh address for every
login attempt (no throttle) and write any address into the audit trail.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

from starlette.datastructures import Headers
from starlette.types import Scope

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

UNKNOWN = "unknown"


def trusted_networks(cidrs: Iterable[str]) -> tuple[Network, ...]:
    """``api.trusted_proxies`` parsed; a single address is a /32 (or /128). Raises ``ValueError``."""
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs)


def _address(text: str) -> Address | None:
    """An ``X-Forwarded-For`` entry as an address; some proxies add the port (``1.2.3.4:5678``,
    ``[2001:db8::1]:443``). None for anything else (``unknown``, a host name, garbage)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has several colons
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen by a dual-stack proxy (::ffff:10.0.0.5) is the same client as 10.0.0.5.
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _trusted(address: Address | None, networks: Sequence[Network]) -> bool:
    return address is not None and any(address in n for n in networks)


def client_address(peer: str | None, forwarded_for: str | None, networks: Sequence[Network]) -> str:
    """The client's address. With no trusted proxies (the default) the header is ignored. Behind
    trusted proxies the entries are read from the right: each was appended by the hop before it,
    so the first entry written by an untrusted hop is the client; entries further left were written
    by the client itself and are never read. An entry that is no address stops the walk at the last
    trusted hop (the proxy itself then stands for the client: wrong for the throttle, never spoofed)."""
    hop = _address(peer or "")
    if hop is None:
        return peer or UNKNOWN  # a test client or a Unix socket: nothing to resolve
    if not _trusted(hop, networks) or not forwarded_for:
        return str(hop)
    for entry in reversed(forwarded_for.split(",")):
        address = _address(entry)
        if address is None:
            break
        hop = address
        if not _trusted(hop, networks):
            break
    return str(hop)


def request_client(scope: Scope, networks: Sequence[Network]) -> str:
    """``client_address`` of an ASGI request; several ``X-Forwarded-For`` lines read as one list."""
    peer = scope.get("client")
    forwarded = ",".join(Headers(scope=scope).getlist("x-forwarded-for"))
    return client_address(peer[0] if peer else None, forwarded or None, networks)


__all__ = ["UNKNOWN", "client_address", "request_client", "trusted_networks"]
