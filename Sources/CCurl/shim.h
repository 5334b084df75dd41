#ifndef DOCWATCH_CCURL_SHIM_H
#define DOCWATCH_CCURL_SHIM_H
#include <curl/curl.h>
#include <sys/eventfd.h>
#include <unistd.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift cannot call them. One typed wrapper per
   argument type. */

typedef size_t (*docwatch_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode docwatch_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode docwatch_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode docwatch_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode docwatch_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode docwatch_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode docwatch_easy_setopt_callback(CURL *h, CURLoption o, docwatch_curl_data_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode docwatch_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode docwatch_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode docwatch_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode docwatch_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode docwatch_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* Share handles: one per cookie jar. */
static inline CURLSHcode docwatch_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return curl_share_setopt(s, o, v); }

/* CURLMsg keeps its result in a union; Swift sees it awkwardly. */
static inline CURLcode docwatch_msg_result(const CURLMsg *msg) { return msg->data.result; }

/* The loop's own wake-up: an eventfd polled with the transfers' sockets. Writing one is cheaper than
   curl_multi_wakeup's socketpair send (7.88 has no eventfd of its own). */
static inline int docwatch_eventfd_open(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
static inline void docwatch_eventfd_signal(int fd) { (void)eventfd_write(fd, 1); }
static inline void docwatch_eventfd_drain(int fd) { eventfd_t value; (void)eventfd_read(fd, &value); }
static inline void docwatch_eventfd_close(int fd) { (void)close(fd); }

#endif
