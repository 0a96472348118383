# scenario: {"seconds": 3}
# expect: {"error": "NotImplementedError"}
import speech

speech.translate('hello')
