# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
import radio

radio.send('x')
