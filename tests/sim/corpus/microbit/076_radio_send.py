# scenario: {"seconds": 3}
# expect: {"events": [["radio", "send", "hello"]]}
import radio

radio.on()
radio.send('hello')
