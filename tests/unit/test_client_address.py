"""Which address a request is counted and recorded under (api/client_address.py): the socket peer,
unless the peer is a trusted reverse proxy — then the first X-Forwarded-For hop it did not write."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.client_address import client_address, request_client, trusted_networks
from api.settings import ApiSettings

PROXIES = trusted_networks(["10.20.0.0/24", "2001:db8:aa::/48", "172.31.5.9"])


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("10.20.0.4", "58.217.3.40", "58.217.3.40"),  # the proxy names the client
        ("10.20.0.4", "1.1.1.1, 58.217.3.40", "58.217.3.40"),  # the left part was written by the client
        ("10.20.0.4", "58.217.3.40, 172.31.5.9", "58.217.3.40"),  # two trusted hops
        ("10.20.0.4", "58.217.3.40:51234", "58.217.3.40"),  # a proxy that adds the port
        ("10.20.0.4", "[2409:8a1e::5]:443", "2409:8a1e::5"),
        ("10.20.0.4", "::ffff:58.217.3.40", "58.217.3.40"),  # dual-stack form of the same client
        ("10.20.0.4", "58.217.3.40, not-an-ip", "10.20.0.4"),  # garbage: the proxy stands for it
        ("10.20.0.4", " , ", "10.20.0.4"),
        ("10.20.0.4", None, "10.20.0.4"),
        ("2001:db8:aa::3", "2409:8a1e::5", "2409:8a1e::5"),
        ("10.20.0.4", "172.31.5.9", "172.31.5.9"),  # only proxies in the list: the leftmost hop
    ],
)
def test_the_client_behind_a_trusted_proxy(peer: str, forwarded: str | None, expected: str) -> None:
    assert client_address(peer, forwarded, PROXIES) == expected


@pytest.mark.parametrize("peer", ["58.217.3.40", "10.20.1.4", "192.168.1.20"])
def test_a_forwarded_header_from_anyone_else_changes_nothing(peer: str) -> None:
    assert client_address(peer, "10.20.0.4, 203.0.113.1", PROXIES) == peer
    assert client_address(peer, "203.0.113.1", ()) == peer  # the default: no proxy trusted at all


def test_no_peer_and_a_test_client() -> None:
    assert client_address(None, "58.217.3.40", PROXIES) == "unknown"
    assert client_address("testclient", "58.217.3.40", PROXIES) == "testclient"


def test_several_header_lines_read_as_one_list() -> None:
    scope = {
        "type": "http",
        "client": ("10.20.0.9", 40000),
        "headers": [(b"x-forwarded-for", b"6.6.6.6"), (b"x-forwarded-for", b"58.217.3.41")],
    }
    assert request_client(scope, PROXIES) == "58.217.3.41"


def test_the_setting_refuses_what_is_not_a_network() -> None:
    assert ApiSettings(trusted_proxies=[" 10.20.0.7/24 "]).trusted_proxies == ["10.20.0.0/24"]
    assert ApiSettings().trusted_proxies == []
    with pytest.raises(ValidationError):
        ApiSettings(trusted_proxies=["proxy.jiangyin.local"])
