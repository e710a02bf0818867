package dev.papers;
public final class Main { public static void main(String[] a) {} }
