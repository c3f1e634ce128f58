import { BackstoryPage } from './page';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    void new BackstoryPage(ctx).start();
  },
});
