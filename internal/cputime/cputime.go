// Package cputime reads how much processor time this process has used. Benchmarks report CPU time per unit of
// work next to wall-clock rates because, on a shared machine, other processes change the latency of a run far
// more than its CPU time.
package cputime
