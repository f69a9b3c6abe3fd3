/*
 * The decode step's linear layers: y = x W^T + b for a few rows x (m <= 16), W stored (n, k) as
 * nn.Linear does, float32, on all cores. Part of librlhf_cpu_tuning.so; called by
 * org.rlhfworkbench.lm.nd.DecodeLinear.
 *
 * Why: while sampling, every linear multiplies 1-16 rows by a weight matrix read once from memory.
 * libtorch's GEMM is built for large m: measured here (AMD EPYC, 2 cores), (8 x 768) x (768 x
 * 50257) ran at 30 GFLOP/s single-threaded; this kernel runs it at 90 and the layers' shapes at
 * 80-110, and splits the output columns over the cores, while the decode step's many tiny ops stay
 * on one thread (org.rlhfworkbench.lm.nd.DecodeThreads).
 *
 * The kernel: blocks of 4 rows of x times 3 rows of W, 12 AVX2 accumulators of 8 floats each, a
 * prefetch of the next 3 rows of W while the current ones are read, and one horizontal sum per
 * output at the end (dot-product order: sum over k in 8 interleaved lanes, as a vectorised GEMM
 * does; not bit-identical to MKL's order, equal to float32 rounding).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <jni.h>
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#define TGT __attribute__((target("avx2,fma")))
#define MAX_THREADS 64
#define NB 3 /* rows of W per block */
#ifndef MIN_PART_FLOPS
#define MIN_PART_FLOPS 250000L /* per thread: below that the hand-off costs more than the core saves */
#endif

static inline TGT float hsum(__m256 v) {
    __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    __m128 sh = _mm_movehdup_ps(lo);
    lo = _mm_add_ps(lo, sh);
    sh = _mm_movehl_ps(sh, lo);
    return _mm_cvtss_f32(_mm_add_ss(lo, sh));
}

/* y[i][j] = x_i . w_j + b_j for MB rows of x (stride k) and JB rows of W (stride k); y stride ldy */
#define BLOCK(MB, JB)                                                                               \
    static inline TGT __attribute__((always_inline)) void block_##MB##_##JB(                         \
        const float *x, const float *w, const float *b, float *y, long ldy, long k) {               \
        __m256 acc[MB][JB];                                                                          \
        for (int i = 0; i < MB; i++)                                                                 \
            for (int j = 0; j < JB; j++) acc[i][j] = _mm256_setzero_ps();                            \
        long k8 = k & ~7L;                                                                           \
        for (long p = 0; p < k8; p += 8) {                                                           \
            __m256 wv[JB];                                                                           \
            for (int j = 0; j < JB; j++) {                                                           \
                wv[j] = _mm256_loadu_ps(w + j * k + p);                                              \
                _mm_prefetch((const char *) (w + (JB + j) * k + p), _MM_HINT_T0);                    \
            }                                                                                        \
            for (int i = 0; i < MB; i++) {                                                           \
                __m256 xv = _mm256_loadu_ps(x + i * k + p);                                          \
                for (int j = 0; j < JB; j++) acc[i][j] = _mm256_fmadd_ps(xv, wv[j], acc[i][j]);      \
            }                                                                                        \
        }                                                                                            \
        for (int i = 0; i < MB; i++)                                                                 \
            for (int j = 0; j < JB; j++) {                                                           \
                float s = hsum(acc[i][j]);                                                           \
                for (long p = k8; p < k; p++) s += x[i * k + p] * w[j * k + p];                      \
                y[i * ldy + j] = b ? s + b[j] : s;                                                   \
            }                                                                                        \
    }
BLOCK(4, 3) BLOCK(3, 3) BLOCK(2, 3) BLOCK(1, 3)
BLOCK(4, 1) BLOCK(3, 1) BLOCK(2, 1) BLOCK(1, 1)

#define ROWS_OF_X(JB, w_, b_, y_)                                                                   \
    do {                                                                                             \
        long i = 0;                                                                                  \
        for (; i + 4 <= m; i += 4) block_4_##JB(x + i * k, w_, b_, y_ + i * n, n, k);                \
        switch (m - i) {                                                                             \
            case 3: block_3_##JB(x + i * k, w_, b_, y_ + i * n, n, k); break;                        \
            case 2: block_2_##JB(x + i * k, w_, b_, y_ + i * n, n, k); break;                        \
            case 1: block_1_##JB(x + i * k, w_, b_, y_ + i * n, n, k); break;                        \
        }                                                                                            \
    } while (0)

/* columns [j0, j1) of y (m, n) = x (m, k) W^T (W (n, k)) + b (n) */
static TGT void columns(const float *x, const float *w, const float *b, float *y, long m, long n, long k,
                        long j0, long j1) {
    long j = j0;
    for (; j + NB <= j1; j += NB) {
        ROWS_OF_X(3, w + j * k, b ? b + j : 0, y + j);
    }
    for (; j < j1; j++) {
        ROWS_OF_X(1, w + j * k, b ? b + j : 0, y + j);
    }
}

/* ---- a small pool: part 0 on the caller, parts 1..P-1 on workers that spin briefly, then sleep ---- */

typedef struct {
    const float *x, *w, *b;
    float *y;
    long m, n, k;
    int parts;
    int caller_cpu;
} job_t;

static job_t job;
static atomic_long generation;
static atomic_int pending;
static int workers; /* started so far; worker i runs part i */
static long start_generation[MAX_THREADS];
static pthread_mutex_t call_lock = PTHREAD_MUTEX_INITIALIZER; /* one parallel call at a time */
static pthread_mutex_t wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void run_part(const job_t *jb, int part) {
    long blocks = (jb->n + NB - 1) / NB;
    long j0 = blocks * part / jb->parts * NB;
    long j1 = blocks * (part + 1) / jb->parts * NB;
    if (j1 > jb->n) j1 = jb->n;
    if (j0 < j1) columns(jb->x, jb->w, jb->b, jb->y, jb->m, jb->n, jb->k, j0, j1);
}

/*
 * A new thread starts on its creator's CPU, and Linux does not move a thread that ran within the
 * last half millisecond ("cache hot"): a worker and its caller that hand work back and forth stay on
 * one core and take turns (measured: every call serial). A worker that finds itself on the caller's
 * CPU leaves it: allowed CPUs without this one (the kernel migrates at once), then all again.
 */
static void move_off(int cpu) {
    cpu_set_t all, others;
    if (sched_getaffinity(0, sizeof all, &all) != 0) return;
    others = all;
    CPU_CLR(cpu, &others);
    if (CPU_COUNT(&others) == 0) return;
    if (sched_setaffinity(0, sizeof others, &others) == 0) sched_setaffinity(0, sizeof all, &all);
}

static void *worker_main(void *arg) {
    int id = (int) (long) arg;
    long seen = start_generation[id]; /* the generation before its first job, not whatever it is now */
    for (;;) {
        long g;
        long spin_until = now_ns() + 200000; /* 0.2 ms: the next linear of a decode step comes sooner */
        int spins = 0;
        while ((g = atomic_load_explicit(&generation, memory_order_acquire)) == seen) {
            _mm_pause();
            if ((++spins & 255) == 0 && now_ns() > spin_until) {
                pthread_mutex_lock(&wake_lock);
                while ((g = atomic_load(&generation)) == seen) pthread_cond_wait(&wake, &wake_lock);
                pthread_mutex_unlock(&wake_lock);
                break;
            }
        }
        seen = g;
        if (id < job.parts) {
            if (sched_getcpu() == job.caller_cpu) move_off(job.caller_cpu);
            run_part(&job, id);
        }
        /* every worker answers every generation, so none can lag one behind into the next job */
        atomic_fetch_sub_explicit(&pending, 1, memory_order_release);
    }
    return 0;
}

static int ensure_workers(int wanted) {
    while (workers < wanted && workers < MAX_THREADS - 1) {
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        start_generation[workers + 1] = atomic_load(&generation);
        int ok = pthread_create(&t, &attr, worker_main, (void *) (long) (workers + 1)) == 0;
        pthread_attr_destroy(&attr);
        if (!ok) break;
        workers++;
    }
    return workers;
}

static void linear(const float *x, const float *w, const float *b, float *y, long m, long n, long k, int threads) {
    /* at least MIN_PART_FLOPS per part: below that the hand-off costs more than another core saves */
    long flops = 2 * m * n * k;
    int parts = threads;
    if (parts > MAX_THREADS) parts = MAX_THREADS;
    while (parts > 1 && flops / parts < MIN_PART_FLOPS) parts--;
    if (parts > 1 && pthread_mutex_trylock(&call_lock) == 0) {
        int have = ensure_workers(parts - 1);
        if (have + 1 < parts) parts = have + 1;
        job_t jb = {x, w, b, y, m, n, k, parts, sched_getcpu()};
        job = jb;
        atomic_store(&pending, have);
        pthread_mutex_lock(&wake_lock);
        atomic_fetch_add_explicit(&generation, 1, memory_order_release);
        pthread_cond_broadcast(&wake);
        pthread_mutex_unlock(&wake_lock);
        run_part(&jb, 0);
        int spins = 0;
        while (atomic_load_explicit(&pending, memory_order_acquire) > 0) {
            _mm_pause();
            if ((++spins & 255) == 0) sched_yield(); /* a worker that lost its core gets it back */
        }
        pthread_mutex_unlock(&call_lock);
        return;
    }
    job_t one = {x, w, b, y, m, n, k, 1, -1}; /* one part, or the pool is busy with another caller */
    run_part(&one, 0);
}

/* static native boolean supported(): AVX2 and FMA present */
JNIEXPORT jboolean JNICALL Java_org_rlhfworkbench_lm_nd_DecodeLinear_supported(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/*
 * static native int linear(ByteBuffer x, ByteBuffer w, ByteBuffer b, ByteBuffer y, int m, int n,
 * int k, int threads): direct buffers over contiguous float32 tensors; b may be null. Returns 0, or
 * 1 when a buffer is not direct or smaller than its shape says (nothing written).
 */
JNIEXPORT jint JNICALL Java_org_rlhfworkbench_lm_nd_DecodeLinear_linear(JNIEnv *env, jclass cls, jobject xb, jobject wb,
                                                                      jobject bb, jobject yb, jint m, jint n, jint k,
                                                                      jint threads) {
    (void) cls;
    const float *x = (*env)->GetDirectBufferAddress(env, xb);
    const float *w = (*env)->GetDirectBufferAddress(env, wb);
    const float *b = bb ? (*env)->GetDirectBufferAddress(env, bb) : 0;
    float *y = (*env)->GetDirectBufferAddress(env, yb);
    if (!x || !w || !y || (bb && !b)) return 1;
    if ((*env)->GetDirectBufferCapacity(env, xb) < 4L * m * k || (*env)->GetDirectBufferCapacity(env, wb) < 4L * n * k
        || (*env)->GetDirectBufferCapacity(env, yb) < 4L * m * n
        || (bb && (*env)->GetDirectBufferCapacity(env, bb) < 4L * n)) {
        return 1;
    }
    linear(x, w, b, y, m, n, k, threads);
    return 0;
}
