import { HttpContext } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { formatFileSize } from '@skss/console/i18n';
import { Observable, Subscription } from 'rxjs';
import { ApiFailure, describeFailure } from './api-problems';
import { checkFile, FileRefusal } from './file-check';
import { FormProblems } from './field-error';
import { I18n } from './i18n.service';
import { Icon } from './icon';
import { TranslatePipe } from './translate.pipe';
import { percentOf, uploadProgressContext } from './upload-progress';

/**
 * Sends a file: the page builds the call of the generated client and passes `context` on, which reports the progress:
 * `(file, context) => this.api.invoke(importAncRegister, { body: { file } }, context)`.
 */
export type UploadFn<R> = (file: File, context: HttpContext) => Observable<R>;

export interface UploadResult<R> {
  readonly file: File;
  readonly result: R;
}

export type UploadState =
  | { readonly status: 'idle' }
  | { readonly status: 'refused'; readonly refusal: FileRefusal }
  | { readonly status: 'uploading'; readonly file: File; readonly percent: number | null }
  | { readonly status: 'processing'; readonly file: File }
  | { readonly status: 'done'; readonly file: File }
  | { readonly status: 'failed'; readonly file: File; readonly failure: ApiFailure }
  | { readonly status: 'cancelled'; readonly file: File };

const MAX_DETAILS = 20;

/**
 * A file sent to the API with its progress, for Excel imports: drop it or choose it, it is checked (extension, size,
 * not empty) before anything is sent, then sent with a progress bar and a cancel button; "processing" once the whole
 * body is out while the server reads it. `(uploaded)` gives the API's answer; a refusal shows the API's message and
 * its field problems (`details`, such as rows of the sheet), and `(failed)` gives them to the page too.
 * Test hooks: `<testId>-input` (the file input), `-choose`, `-cancel`, `-status`, `-progress`.
 */
@Component({
  selector: 'skss-file-upload',
  imports: [MatButton, MatProgressBar, FormProblems, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'skss-file-upload',
    '[class.dragging]': 'dragging()',
    '(dragover)': 'dragOver($event)',
    '(dragleave)': 'dragging.set(false)',
    '(drop)': 'drop($event)',
  },
  templateUrl: './file-upload.html',
  styleUrl: './file-upload.scss',
})
export class FileUpload<R> {
  private readonly i18n = inject(I18n);
  private running: Subscription | null = null;

  readonly upload = input.required<UploadFn<R>>();
  /** Extensions accepted, with their dot. */
  readonly accept = input<readonly string[]>(['.xlsx']);
  readonly maxBytes = input(10 * 1024 * 1024);
  /** The choose button's text (default "Chọn tệp"). */
  readonly label = input<string | null>(null);
  readonly disabled = input(false);
  readonly testId = input('upload');
  readonly uploaded = output<UploadResult<R>>();
  readonly failed = output<ApiFailure>();

  protected readonly state = signal<UploadState>({ status: 'idle' });
  protected readonly dragging = signal(false);
  protected readonly busy = computed(() => ['uploading', 'processing'].includes(this.state().status));
  protected readonly limits = computed(() => ({
    types: this.accept().join(', '),
    max: formatFileSize(this.maxBytes(), this.i18n.language()),
  }));
  /** The file on its way: its progress (null while its size is unknown), or `processing` once all of it is sent. */
  protected readonly progress = computed(() => {
    const state = this.state();
    if (state.status === 'uploading') return { file: state.file, percent: state.percent, processing: false };
    if (state.status === 'processing') return { file: state.file, percent: null, processing: true };
    return null;
  });
  protected readonly fileName = computed(() => {
    const state = this.state();
    return 'file' in state ? state.file.name : '';
  });
  /** What went wrong: the check's refusal, or the API's answer. */
  protected readonly problem = computed<{ readonly message: string } | null>(() => {
    const state = this.state();
    if (state.status === 'refused') return { message: this.i18n.t(state.refusal.key, state.refusal.params) };
    return state.status === 'failed' ? state.failure : null;
  });
  protected readonly details = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.failure.details.slice(0, MAX_DETAILS).map((detail) => detail.message) : [];
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected chosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) this.send(file);
  }

  protected dragOver(event: DragEvent): void {
    if (this.disabled() || this.busy()) return;
    event.preventDefault();
    this.dragging.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files[0];
    if (file && !this.disabled() && !this.busy()) this.send(file);
  }

  /** Cancelling aborts the request (the browser stops sending). */
  protected cancel(): void {
    const state = this.state();
    if (state.status !== 'uploading' && state.status !== 'processing') return;
    this.running?.unsubscribe();
    this.running = null;
    this.state.set({ status: 'cancelled', file: state.file });
  }

  private send(file: File): void {
    const refusal = checkFile(file, this.accept(), this.maxBytes(), (bytes) => formatFileSize(bytes, this.i18n.language()));
    if (refusal) {
      this.state.set({ status: 'refused', refusal });
      return;
    }
    this.running?.unsubscribe();
    this.state.set({ status: 'uploading', file, percent: 0 });
    const context = uploadProgressContext((progress) => {
      const percent = percentOf(progress);
      this.state.set(percent === 100 ? { status: 'processing', file } : { status: 'uploading', file, percent });
    });
    this.running = this.upload()(file, context).subscribe({
      next: (result) => {
        this.state.set({ status: 'done', file });
        this.uploaded.emit({ file, result });
      },
      error: (error: unknown) => {
        const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
        this.state.set({ status: 'failed', file, failure });
        this.failed.emit(failure);
      },
    });
  }
}
