-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN     "clientCountry" TEXT;

