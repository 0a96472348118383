# A tiny web server: with no network no client ever connects, so accept() waits until the end.
# seconds: 3
# stdout: in ascolto
# outcome: time
import socket

addr = socket.getaddrinfo("0.0.0.0", 80)[0][-1] if False else ("0.0.0.0", 80)
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(addr)
s.listen(1)
print("in ascolto")
while True:
    cl, remote = s.accept()
    cl.send(b"HTTP/1.0 200 OK\r\n\r\nciao")
    cl.close()
