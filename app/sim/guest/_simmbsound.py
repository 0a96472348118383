# MicroPython source (runs INSIDE the sandbox, loaded only when a program first uses `speech` or
# `audio`: the host serves it precompiled and the micro:bit build imports it, so the heap of
# every other run stays free). `speech` and `audio` (SoundEffect, play, stop) of the micro:bit
# V2, each call one host command.

UNSUPPORTED = "'%s' is available on the real board, not in the simulator"
SOUNDS = ("GIGGLE", "HAPPY", "HELLO", "MYSTERIOUS", "SAD", "SLIDE", "SOARING", "SPRING",
          "TWINKLE", "YAWN")


def unsupported(what):
    def fail(*args, **kwargs):
        raise NotImplementedError(UNSUPPORTED % what)
    return fail


def build_audio(br, hc, Sound):
    A = br.A

    class SoundEffect:
        WAVEFORM_SINE = 0
        WAVEFORM_SAWTOOTH = 1
        WAVEFORM_TRIANGLE = 2
        WAVEFORM_SQUARE = 3
        WAVEFORM_NOISE = 4
        SHAPE_LINEAR = 1
        SHAPE_CURVE = 2
        SHAPE_LOG = 18
        FX_NONE = 0
        FX_TREMOLO = 2
        FX_VIBRATO = 1
        FX_WARBLE = 3

        def __init__(self, freq_start=500, freq_end=2500, duration=500, vol_start=255,
                     vol_end=0, waveform=3, fx=0, shape=18):
            self.freq_start = freq_start
            self.freq_end = freq_end
            self.duration = duration
            self.vol_start = vol_start
            self.vol_end = vol_end
            self.waveform = waveform
            self.fx = fx
            self.shape = shape

        def copy(self):
            return SoundEffect(self.freq_start, self.freq_end, self.duration, self.vol_start,
                               self.vol_end, self.waveform, self.fx, self.shape)

        def __repr__(self):
            return ("SoundEffect(freq_start=%d, freq_end=%d, duration=%d, vol_start=%d, "
                    "vol_end=%d, waveform=%d, fx=%d, shape=%d)" % (
                        self.freq_start, self.freq_end, self.duration, self.vol_start,
                        self.vol_end, self.waveform, self.fx, self.shape))

    def play_sound(source, wait=True, pin=None, return_pin=None, volume=None):
        if isinstance(source, str) and source.upper() in SOUNDS:
            source = getattr(Sound, source.upper())
        effects = source if isinstance(source, (list, tuple)) else [source]
        for item in effects:
            if isinstance(item, Sound):
                A[0] = 1 if wait else 0
                hc("ua", item._name)
            elif isinstance(item, SoundEffect):
                A[0] = 1 if wait else 0
                A[1] = max(0, min(30000, int(item.freq_start)))
                A[2] = max(0, min(30000, int(item.freq_end)))
                A[3] = max(0, min(60000, int(item.duration)))
                hc("ua", "fx")
            else:
                raise NotImplementedError(UNSUPPORTED % "audio.play of AudioFrame samples")

    def audio_stop():
        hc("n", "a")

    def audio_is_playing():
        hc("c", "ap")
        return A[0] == 1

    audio = {"play": play_sound, "stop": audio_stop, "is_playing": audio_is_playing,
             "Sound": Sound, "SoundEffect": SoundEffect,
             "AudioFrame": unsupported("audio.AudioFrame"),
             "AudioRecording": unsupported("audio.AudioRecording"),
             "AudioTrack": unsupported("audio.AudioTrack")}

    return audio


def build_speech(br, hc):
    A = br.A

    def speaker_say(kind):
        def say(words, *, pitch=64, speed=72, mouth=128, throat=128):
            if not isinstance(words, str):
                raise TypeError("can't convert '%s' object to str implicitly" % type(words).__name__)
            A[0] = kind
            A[1] = max(1, min(255, int(speed)))
            hc("os", words[:300])
        return say

    return {"say": speaker_say(0), "pronounce": speaker_say(1), "sing": speaker_say(2),
            "translate": unsupported("speech.translate")}
