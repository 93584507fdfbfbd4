/*
 * codedump: a JVMTI agent that writes the machine code of every compiled method whose name contains a filter string,
 * so that C2's code can be read with objdump and a perf profile mapped onto it instruction by instruction, on a JDK
 * without hsdis (Debian's OpenJDK 17 has none) and a perf without libperf-jvmti. Throwaway tooling for issue 10
 * (bench/README.md, "Reading C2's code"); not part of the build.
 *
 *   gcc -shared -fPIC -O2 -I$JAVA_HOME/include -I$JAVA_HOME/include/linux -o codedump.so codedump.c
 *   java -agentpath:/path/codedump.so=tokenDegree2,/tmp/codedump ...
 *
 * Options: "FILTER,DIR" (FILTER may be empty: every method; DIR must exist). For each compiled method (each tier,
 * each recompilation) it writes DIR/NAME-SEQ.bin (the code bytes) and appends a line to DIR/index.txt:
 * "CLASS NAME SIGNATURE size=BYTES addr=0xADDRESS file=PATH".
 */
#include <jvmti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char filter[256];
static char dir[1024] = ".";
static FILE *index_file;
static int seq;
static jrawMonitorID lock;

static void JNICALL loaded(jvmtiEnv *env, jmethodID method, jint size, const void *addr, jint map_length,
                           const jvmtiAddrLocationMap *map, const void *info) {
    char *name = NULL, *sig = NULL, *cls = NULL;
    jclass klass;
    (void) map_length;
    (void) map;
    (void) info;
    if ((*env)->GetMethodName(env, method, &name, &sig, NULL) != JVMTI_ERROR_NONE) {
        return;
    }
    if (filter[0] == '\0' || strstr(name, filter) != NULL) {
        (*env)->GetMethodDeclaringClass(env, method, &klass);
        (*env)->GetClassSignature(env, klass, &cls, NULL);
        (*env)->RawMonitorEnter(env, lock);
        char path[1400];
        snprintf(path, sizeof path, "%s/%s-%d.bin", dir, name, seq++);
        FILE *f = fopen(path, "wb");
        if (f != NULL) {
            fwrite(addr, 1, (size_t) size, f);
            fclose(f);
            fprintf(index_file, "%s %s %s size=%d addr=%p file=%s\n", cls, name, sig, size, addr, path);
            fflush(index_file);
        }
        (*env)->RawMonitorExit(env, lock);
        (*env)->Deallocate(env, (unsigned char *) cls);
    }
    (*env)->Deallocate(env, (unsigned char *) name);
    (*env)->Deallocate(env, (unsigned char *) sig);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    jvmtiEnv *env;
    (void) reserved;
    if ((*vm)->GetEnv(vm, (void **) &env, JVMTI_VERSION_1_2) != JNI_OK) {
        fprintf(stderr, "codedump: no JVMTI 1.2\n");
        return JNI_ERR;
    }
    if (options != NULL) {
        const char *comma = strchr(options, ',');
        size_t n = comma != NULL ? (size_t) (comma - options) : strlen(options);
        if (n >= sizeof filter) {
            n = sizeof filter - 1;
        }
        memcpy(filter, options, n);
        filter[n] = '\0';
        if (comma != NULL) {
            snprintf(dir, sizeof dir, "%s", comma + 1);
        }
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/index.txt", dir);
    index_file = fopen(path, "a");
    if (index_file == NULL) {
        fprintf(stderr, "codedump: cannot write %s (does the directory exist?)\n", path);
        return JNI_ERR;
    }
    (*env)->CreateRawMonitor(env, "codedump", &lock);
    jvmtiCapabilities caps;
    memset(&caps, 0, sizeof caps);
    caps.can_generate_compiled_method_load_events = 1;
    if ((*env)->AddCapabilities(env, &caps) != JVMTI_ERROR_NONE) {
        fprintf(stderr, "codedump: cannot get compiled-method events\n");
        return JNI_ERR;
    }
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof callbacks);
    callbacks.CompiledMethodLoad = loaded;
    (*env)->SetEventCallbacks(env, &callbacks, sizeof callbacks);
    (*env)->SetEventNotificationMode(env, JVMTI_ENABLE, JVMTI_EVENT_COMPILED_METHOD_LOAD, NULL);
    return JNI_OK;
}
