#!/bin/sh
# Who fragments a UDP datagram that is too big for the path? Builds a small network in
# three network namespaces, sends from one end to the other, and shows what happened.
#
#   ch03-a (10.0.1.1, fd00:1::1) --- ch03-r, a router --- ch03-b (10.0.2.1, fd00:2::1)
#            MTU 1500                               MTU 1400
#
# Run from the repository root, as root (the namespaces are removed at the end):
#   cargo build -q -p ch03-examples && sudo sh examples/ch03/pmtu.sh
set -eu
pmtu=${PMTU:-target/debug/pmtu}
[ -x "$pmtu" ] || { echo "pmtu.sh: build the examples first: cargo build -p ch03-examples" >&2; exit 1; }

cleanup() {
    for ns in ch03-a ch03-r ch03-b; do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM
cleanup
for ns in ch03-a ch03-r ch03-b; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
ip link add a0 netns ch03-a type veth peer name ra netns ch03-r
ip link add b0 netns ch03-b type veth peer name rb netns ch03-r
ip -n ch03-r link set rb mtu 1400
ip -n ch03-b link set b0 mtu 1400
ip -n ch03-a addr add 10.0.1.1/24 dev a0
ip -n ch03-a addr add fd00:1::1/64 dev a0 nodad
ip -n ch03-r addr add 10.0.1.254/24 dev ra
ip -n ch03-r addr add fd00:1::fe/64 dev ra nodad
ip -n ch03-r addr add 10.0.2.254/24 dev rb
ip -n ch03-r addr add fd00:2::fe/64 dev rb nodad
ip -n ch03-b addr add 10.0.2.1/24 dev b0
ip -n ch03-b addr add fd00:2::1/64 dev b0 nodad
for dev in "ch03-a a0" "ch03-r ra" "ch03-r rb" "ch03-b b0"; do
    set -- $dev
    ip -n "$1" link set "$2" up
done
ip -n ch03-a route add default via 10.0.1.254
ip -n ch03-a -6 route add default via fd00:1::fe
ip -n ch03-b route add default via 10.0.2.254
ip -n ch03-b -6 route add default via fd00:2::fe
ip netns exec ch03-r sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

for to in 10.0.2.1:9000 '[fd00:2::1]:9000'; do
    echo "== $to"
    case $to in
        "["*) verbose= ;;   # IPv6 has no DF bit to show
        *) verbose=-v ;;    # IPv4: -v shows the flags, DF among them
    esac
    ip netns exec ch03-b "$pmtu" listen "$to" &
    listener=$!
    # What the router sees on its side of the first link: UDP, IPv4 ICMP, IPv6 fragments
    # and ICMPv6 "packet too big" (type 2).
    # shellcheck disable=SC2086
    ip netns exec ch03-r tcpdump -i ra -nn $verbose -l \
        'udp or icmp or ip6[6] == 44 or (ip6[6] == 58 and ip6[40] == 2)' \
        >/tmp/ch03-router.txt 2>/dev/null &
    capture=$!
    sleep 1
    ip netns exec ch03-a "$pmtu" send "$to"
    sleep 0.5
    kill "$listener" "$capture"
    wait "$listener" "$capture" 2>/dev/null || true
    echo "-- the router saw:"
    cat /tmp/ch03-router.txt
    rm -f /tmp/ch03-router.txt
done
