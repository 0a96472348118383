# Without a network, resolving a host name fails with OSError, as on a board with no Wi-Fi.
# seconds: 2
# stdout: nessuna rete
import socket

try:
    addr = socket.getaddrinfo("example.com", 80)[0][-1]
except OSError:
    print("nessuna rete")
