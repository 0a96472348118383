# scenario: {"seconds": 3}
# expect: {"error": "TypeError"}
from microbit import *

sleep('1000')
