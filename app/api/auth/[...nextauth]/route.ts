import { handlers } from "@/lib/auth/auth";
import { refusingWhenPasswordsFull } from "@/lib/auth/busy-gate";

export const { GET } = handlers;
export const POST = refusingWhenPasswordsFull(handlers.POST);
