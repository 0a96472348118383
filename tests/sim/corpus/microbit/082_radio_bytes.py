# scenario: {"seconds": 3}
# expect: {"events": [["radio", "send", "bytes:0102"]]}
import radio

radio.on()
radio.send_bytes(b'\x01\x02')
