"use client";

export { default } from "@/components/dashboard/route-error";
