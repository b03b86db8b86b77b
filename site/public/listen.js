/*
 * 听新闻: reads a story aloud (src/lib/listen.ts loads this on the first press of 听).
 * With an audio file the page's player plays it. Otherwise the browser's speech synthesis
 * reads the title and each paragraph in Mandarin, one utterance a paragraph, highlighting the
 * one being read; pausing stops and remembers the paragraph (pause() is unreliable on phones),
 * resuming reads it again from its start. 长者模式 reads a little slower.
 */
(() => {
  const LABELS = { idle: '听全文', playing: '暂停', paused: '继续' };

  function label(button, state) {
    button.dataset.state = state;
    button.setAttribute('aria-pressed', String(state === 'playing'));
    button.querySelector('.listen-label').textContent = LABELS[state];
  }

  function playAudio(button) {
    const audio = document.querySelector('audio[data-story-media]');
    if (!audio) return;
    audio.addEventListener('play', () => label(button, 'playing'));
    audio.addEventListener('pause', () => label(button, audio.ended ? 'idle' : 'paused'));
    const toggle = () => (audio.paused ? audio.play() : audio.pause());
    button.addEventListener('click', toggle);
    audio.scrollIntoView({ block: 'center', behavior: 'smooth' });
    toggle();
  }

  function speak(button) {
    const synth = window.speechSynthesis;
    const article = button.closest('article') ?? document;
    const parts = [
      article.querySelector('h1'),
      ...article.querySelectorAll('.article-body > :is(p, h2, h3, h4, blockquote, ul > li, ol > li)'),
    ].filter((element) => element && element.textContent.trim() !== '');
    let index = 0;
    let state = 'idle';
    const voice = () => synth.getVoices().find((candidate) => /^zh([-_]CN|$)/i.test(candidate.lang)) ?? null;

    function mark(current) {
      for (const element of article.querySelectorAll('.reading')) element.classList.remove('reading');
      if (current) {
        current.classList.add('reading');
        current.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    }

    function read() {
      const part = parts[index];
      if (!part) {
        state = 'idle';
        index = 0;
        mark(null);
        label(button, 'idle');
        return;
      }
      mark(part);
      const utterance = new SpeechSynthesisUtterance(part.textContent.trim());
      utterance.lang = 'zh-CN';
      const chosen = voice();
      if (chosen) utterance.voice = chosen;
      utterance.rate = document.documentElement.classList.contains('elder') ? 0.85 : 1;
      utterance.onend = () => {
        if (state !== 'playing' || parts[index] !== part) return;
        index += 1;
        read();
      };
      synth.speak(utterance);
    }

    button.addEventListener('click', () => {
      if (state === 'playing') {
        state = 'paused';
        synth.cancel();
        label(button, 'paused');
      } else {
        state = 'playing';
        label(button, 'playing');
        synth.cancel();
        read();
      }
    });
    // Leaving the page stops the voice (some browsers read on after navigation).
    window.addEventListener('pagehide', () => synth.cancel());
    button.click();
  }

  window.campaignListen = (button) => (button.hasAttribute('data-audio') ? playAudio(button) : speak(button));
})();
