# scenario: {"seconds": 3}
# expect: {"error": "NotImplementedError"}
from microbit import *

uart.init(baudrate=9600)
