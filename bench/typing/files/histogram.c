/* Reads integers from standard input and prints a text histogram of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BINS 64

struct histogram {
    long low;
    long width;
    int bins;
    unsigned long counts[MAX_BINS];
    unsigned long outside;
};

static void histogram_init(struct histogram *h, long low, long high,
                           int bins)
{
    memset(h, 0, sizeof(*h));
    h->low = low;
    h->bins = bins > MAX_BINS ? MAX_BINS : bins;
    h->width = (high - low + h->bins - 1) / h->bins;
    if (h->width < 1)
        h->width = 1;
}

static void histogram_add(struct histogram *h, long value)
{
    long bin = (value - h->low) / h->width;
    if (value < h->low || bin >= h->bins) {
        h->outside++;
        return;
    }
    h->counts[bin]++;
}

static unsigned long largest_count(const struct histogram *h)
{
    unsigned long largest = 0;
    for (int i = 0; i < h->bins; i++)
        if (h->counts[i] > largest)
            largest = h->counts[i];
    return largest;
}

static void histogram_print(const struct histogram *h, int columns)
{
    unsigned long largest = largest_count(h);
    for (int i = 0; i < h->bins; i++) {
        int bar = largest == 0 ? 0
                : (int)(h->counts[i] * (unsigned long)columns / largest);
        printf("%6ld | %-*.*s %lu\n", h->low + i * h->width,
               columns, bar, "################################################",
               h->counts[i]);
    }
    if (h->outside > 0)
        printf("(%lu values outside the range)\n", h->outside);
}

int main(int argc, char **argv)
{
    struct histogram h;
    long value;
    switch (argc) {
    case 3:
        histogram_init(&h, atol(argv[1]), atol(argv[2]), 10);
        break;
    default:
        fprintf(stderr, "usage: %s LOW HIGH\n", argv[0]);
        return 2;
    }
    while (scanf("%ld", &value) == 1)
        histogram_add(&h, value);
    histogram_print(&h, 40);
    return 0;
}
