# scenario: {"seconds": 3}
# expect: {"error": "NotImplementedError"}
import log

log.add(temp=21)
