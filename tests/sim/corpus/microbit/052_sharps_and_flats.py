# scenario: {"seconds": 3}
# expect: {"events": [["music", "tone", 440], ["music", "tone", 466], ["music", "tone", 466]]}
import music

music.play(['a4:1', 'a#4:1', 'bb4:1'])
