-- AlterTable
ALTER TABLE "App" ADD COLUMN     "capOverrides" TEXT;

