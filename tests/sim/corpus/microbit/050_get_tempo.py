# scenario: {"seconds": 3}
# expect: {"stdout": ["(8, 100)", "(4, 120)"]}
import music

music.set_tempo(ticks=8, bpm=100)
print(music.get_tempo())
music.reset()
print(music.get_tempo())
