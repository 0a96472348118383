# scenario: {"seconds": 3}
# expect: {"error": "TypeError"}
import music

music.play([262, 294])
