import { TRPCClientError } from '@trpc/client';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import AttachmentList, { type Attachment } from './AttachmentList.vue';

const photo: Attachment = {
  id: 7,
  fileName: '现场.png',
  mime: 'image/png',
  size: 2048,
  uploadedBy: '王志强',
  uploadedAt: '2026-05-01T02:00:00.000Z',
  inline: true,
};
const sheet: Attachment = {
  id: 8,
  fileName: '清单.xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  size: 3 * 1024 * 1024,
  uploadedBy: '李明',
  uploadedAt: '2026-05-01T02:00:00.000Z',
  inline: false,
};
const choose = async (w: ReturnType<typeof mount>, files: File[]) => {
  const input = w.get('input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await vi.waitFor(() => expect(w.emitted('changed')).toBeTruthy()); // the files are read, then sent one by one
  await flushPromises();
};

beforeEach(() => setActivePinia(createPinia()));

describe('AttachmentList', () => {
  it('lists each file as its download link with size, who and the count against the limit', () => {
    const w = mount(AttachmentList, {
      props: { files: [photo, sheet], title: '整改前', area: 'safety', name: 'before', test: 'hazard', limit: 5 },
    });
    expect(w.get('h3').text()).toBe('整改前（2/5）');
    const links = w.findAll('[data-test="hazard-file"]');
    expect(links.map((a) => [a.attributes('href'), a.attributes('download')])).toEqual([
      ['/api/files/safety/7', '现场.png'],
      ['/api/files/safety/8', '清单.xlsx'],
    ]);
    expect(w.text()).toContain('2 KB · 王志强');
    expect(w.text()).toContain('3.0 MB · 李明');
    expect(w.find('input[type="file"]').exists()).toBe(false); // no upload given: read only
  });

  it('uploads each chosen file through the given call; the first refusal stops the rest and is shown, in Chinese', async () => {
    const upload = vi.fn((f: { fileName: string }) =>
      f.fileName === '坏.png'
        ? Promise.reject(
            TRPCClientError.from({ error: { message: '图片无法解码', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } } }),
          )
        : Promise.resolve({}),
    );
    const w = mount(AttachmentList, { props: { files: [], title: '整改后', area: 'safety', name: 'after', test: 'hazard', upload } });
    expect(w.get('[data-test="hazard-upload-after"]').attributes('id')).toBe('attachment-after');
    await choose(w, [new File(['a'], '好.png'), new File(['b'], '坏.png'), new File(['c'], '另一张.png')]);
    expect(upload.mock.calls.map(([f]) => f.fileName)).toEqual(['好.png', '坏.png']);
    expect(w.get('[data-test="file-error"]').text()).toContain('坏.png：图片无法解码');
    expect(w.emitted('changed')).toHaveLength(1);
  });

  it('hides the upload once the limit is reached', () => {
    const w = mount(AttachmentList, {
      props: { files: [photo], title: '整改前', area: 'safety', name: 'before', upload: () => Promise.resolve(), limit: 1 },
    });
    expect(w.find('input[type="file"]').exists()).toBe(false);
  });
});
