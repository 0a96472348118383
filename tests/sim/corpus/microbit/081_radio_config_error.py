# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
import radio

radio.config(channel=200)
